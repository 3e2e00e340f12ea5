package io.slipway.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
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
        Anchor signOut = new Anchor("/signout", "Sign out");
        signOut.setId("sign-out");
        signOut.setRouterIgnore(true);
        HorizontalLayout bar = new HorizontalLayout(title, user, signOut);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(bar);
    }
}
