package io.slipway.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.slipway.auth.Caller;

/** The console's frame: product name, who is signed in, and signing out. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        Caller caller = ConsoleUser.current();
        H1 title = new H1("Slipway");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(caller.username());
        user.setId("signed-in-user");
        com.vaadin.flow.router.RouterLink pools = new com.vaadin.flow.router.RouterLink("Pools and quotas",
                io.slipway.console.pool.PoolsView.class);
        pools.setId("nav-pools");
        HorizontalLayout bar = new HorizontalLayout(title, pools, user, new SignOutForm());
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(bar);
    }

    /** Signing out is a form POST (a plain link could be followed from anywhere); the browser submits it itself. */
    @Tag("form")
    private static final class SignOutForm extends Component implements HasComponents {

        SignOutForm() {
            getElement().setAttribute("method", "post");
            getElement().setAttribute("action", "/signout");
            getStyle().set("margin", "0");
            NativeButton signOut = new NativeButton("Sign out");
            signOut.setId("sign-out");
            signOut.getElement().setAttribute("type", "submit");
            signOut.getStyle().set("background", "none").set("border", "none").set("padding", "0")
                    .set("cursor", "pointer").set("font", "inherit")
                    .set("color", "var(--lumo-primary-text-color)");
            add(signOut);
        }
    }
}
