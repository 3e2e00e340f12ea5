package io.slipway.helm;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts one {@link FakeKubeApi} for the whole test run before the first chart rendering (helm-java's
 * template() calls it for every {@code lookup}), hands it to tests that declare a parameter of that
 * type, and forgets the Secrets a test stored after each test.
 */
final class FakeKubeApiExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        api(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        api(context).clearSecrets();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeKubeApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return api(context);
    }

    /** The run-wide instance; JUnit closes it at the end of the run. */
    private static FakeKubeApi api(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FakeKubeApi.class, key -> {
                    try {
                        return FakeKubeApi.startForKubeconfigInEnvironment();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, FakeKubeApi.class);
    }
}
