package io.configcicd.core.load;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;

/** A file could not be loaded: syntax error, a crossed limit, invalid UTF-8. Always names file:line:column. */
public class ConfigParseException extends ConfigCicdException {

    public ConfigParseException(Origin where, String problem, String hint) {
        super(ErrorKind.BAD_INPUT, where, problem, hint);
    }

    public ConfigParseException(Origin where, String problem, String hint, Throwable cause) {
        super(ErrorKind.BAD_INPUT, where, problem, hint, cause);
    }
}
