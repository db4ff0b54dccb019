package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;

/** A configuration name that is not a plain file name, or a path that leads outside the configuration directory. */
public class InvalidNameException extends ConfigCicdException {

    private final String name;

    public InvalidNameException(String name, String problem, String hint) {
        super(ErrorKind.BAD_INPUT, Origin.UNKNOWN, problem, hint);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
