package io.slipway.api;

import com.fasterxml.jackson.databind.JavaType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads and writes JSON (and problem+json) bodies with {@link Json#MAPPER}. Written here rather than taken
 * from Jackson's JAX-RS module, whose service registration would put a second, differently configured
 * provider beside this one.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        PushbackInputStream input = new PushbackInputStream(body, 1);
        int first = input.read();
        if (first < 0) {
            throw new NoContentException("empty body");
        }
        input.unread(first);
        JavaType javaType = Json.MAPPER.getTypeFactory().constructType(genericType != null ? genericType : type);
        return Json.MAPPER.readValue(input, javaType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        Json.MAPPER.writeValue(body, value);
    }

    /** Streams, bytes and text have their own providers. */
    private static boolean handles(Class<?> type) {
        return !(InputStream.class.isAssignableFrom(type) || type == byte[].class || type == String.class
                || jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type));
    }
}
