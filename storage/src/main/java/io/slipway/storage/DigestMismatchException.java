package io.slipway.storage;

/** An upload's bytes do not have the SHA-256 its sender declared. Nothing of it is left in the store. */
public class DigestMismatchException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String declared;
    private final String actual;

    public DigestMismatchException(String declared, String actual) {
        super("The upload's SHA-256 is " + actual + ", not the declared " + declared);
        this.declared = declared;
        this.actual = actual;
    }

    public String declared() {
        return declared;
    }

    public String actual() {
        return actual;
    }
}
