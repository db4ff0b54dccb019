/**
 * The deep merge of documents into an effective configuration: maps key by key, scalars and lists replaced, an
 * explicit null deletes, every value keeping the chain of origins it overrode.
 *
 * <p>Must import only {@code model}.
 */
package io.configcicd.core.merge;
