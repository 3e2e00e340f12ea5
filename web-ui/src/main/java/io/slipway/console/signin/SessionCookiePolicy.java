package io.slipway.console.signin;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} when the console is
 * served over HTTPS, which is what its public URL ({@code slipway.public.url}, environment
 * {@code SLIPWAY_PUBLIC_URL}) says: TLS usually ends at an ingress, so the server itself sees plain HTTP. The
 * server configuration ({@code httpSession} in server.xml) sets the same attributes.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Optional<String> publicUrl = ConfigProvider.getConfig().getOptionalValue("slipway.public.url", String.class);
        apply(event.getServletContext().getSessionCookieConfig(), publicUrl);
    }

    static void apply(SessionCookieConfig cookie, Optional<String> publicUrl) {
        cookie.setHttpOnly(true);
        cookie.setSecure(servedOverHttps(publicUrl));
        cookie.setAttribute("SameSite", "Lax");
    }

    static boolean servedOverHttps(Optional<String> publicUrl) {
        return publicUrl.map(String::strip).map(String::toLowerCase).filter(u -> u.startsWith("https://")).isPresent();
    }
}
