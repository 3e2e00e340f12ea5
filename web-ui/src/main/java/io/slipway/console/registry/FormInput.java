package io.slipway.console.registry;

import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.function.SerializableConsumer;
import io.slipway.api.ProblemException;
import java.io.Serializable;

/**
 * What an upload form says to store the next file as, checked as it is typed: the form's fields bound to a
 * record, and the last valid record. The upload's request thread reads that record without the UI lock, which
 * is why it is kept here rather than read from the fields.
 *
 * @param <T> the form's record
 */
final class FormInput<T extends Record> implements Serializable {

    private final BeanValidationBinder<T> binder;
    private final String incomplete;
    /** Written inside the UI lock, read by the upload thread. */
    private volatile T ready;

    /** @param incomplete why a file cannot be taken yet, reported against the {@code name} field */
    FormInput(Class<T> type, String incomplete) {
        this.binder = new BeanValidationBinder<>(type);
        this.incomplete = incomplete;
    }

    /** For binding the form's fields; then {@link #watch}. */
    BeanValidationBinder<T> binder() {
        return binder;
    }

    /** Fills the bound fields from {@code empty} and, now and after every change, tells whether the form is valid. */
    void watch(T empty, SerializableConsumer<Boolean> validity) {
        binder.readRecord(empty);
        binder.addValueChangeListener(event -> capture(validity));
        capture(validity);
    }

    /** The record of the valid form, or a 400 problem when it is not valid. */
    T require() {
        T request = ready;
        if (request == null) {
            throw ProblemException.invalidField("name", incomplete);
        }
        return request;
    }

    private void capture(SerializableConsumer<Boolean> validity) {
        ready = binder.isValid() ? written() : null;
        validity.accept(ready != null);
    }

    private T written() {
        try {
            return binder.writeRecord();
        } catch (ValidationException e) {
            return null;
        }
    }
}
