package io.slipway.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR exactly as it ships, for Arquillian to deploy. */
public final class SlipwayDeployment {

    private SlipwayDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "slipway.war")
                .importFrom(new File(System.getProperty("slipway.it.war")))
                .as(WebArchive.class);
    }
}
