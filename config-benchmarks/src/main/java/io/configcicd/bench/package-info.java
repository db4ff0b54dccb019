/**
 * JMH benchmarks of loading and reading generated configuration directories ({@code bench/} scripts run them and
 * print ratios against peers measured in the same run). Not shipped; may import any core package, since it measures
 * the layers themselves.
 */
package io.configcicd.bench;
