package io.configcicd.core.model;

/** The kinds of scalar a configuration file can hold (the union of what YAML 1.2, JSON and TOML 1.0 express). */
public enum ScalarType {
    STRING("string"),
    INTEGER("integer"),
    FLOAT("float"),
    BOOLEAN("boolean"),
    NULL("null"),
    OFFSET_DATETIME("datetime"),
    LOCAL_DATETIME("datetime-local"),
    LOCAL_DATE("date-local"),
    LOCAL_TIME("time-local");

    private final String word;

    ScalarType(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
