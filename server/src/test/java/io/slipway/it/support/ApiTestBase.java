package io.slipway.it.support;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API test class: Arquillian deploys the WAR exactly as it ships and the tests talk to it over HTTP as
 * clients do, with tokens from the test Keycloak.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ApiTestBase {

    @ArquillianResource
    protected URL base;

    protected Api api;
    protected Uploads uploads;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return SlipwayDeployment.war();
    }

    @BeforeEach
    void connectToTheServer() throws Exception {
        api = new Api(base.toURI());
        uploads = new Uploads(base.toURI());
    }
}
