package io.configcicd.core.validate;

/** A rule that declares which environments it applies to; the engine skips it for the others. */
public interface EnvironmentScoped {

    EnvironmentFilter environments();
}
