package io.slipway.outbox;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops background work as the web application stops, before Liberty closes the persistence unit and interrupts
 * the managed threads (later, when CDI destroys its beans, running executions would fail on a closed
 * EntityManagerFactory).
 */
@WebListener
public class BackgroundWorkShutdown implements ServletContextListener {

    @Inject
    BackgroundWork work;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        work.stop();
    }
}
