package io.configcicd.core.load;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;

/** A {@code ${VAR}} reference without a default whose variable is not set. */
public class UnresolvedReferenceException extends ConfigCicdException {

    private final String variable;

    public UnresolvedReferenceException(Origin where, String variable, String path) {
        super(ErrorKind.BAD_INPUT, where, "unresolved reference ${" + variable + "} in " + path,
                "set the environment variable " + variable + " or write ${" + variable + ":-default}");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
