package io.slipway.console.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.slipway.auth.Caller;
import io.slipway.console.Times;
import io.slipway.tenancy.InvitationService;
import io.slipway.tenancy.ReceivedInvitationView;
import java.util.List;

/**
 * The invitations the signed-in person may answer: join the organization (Accept) or not (Decline). Hidden when
 * there are none. {@code onJoined} runs after an acceptance, so the page can show the new organization.
 */
class InvitationsPanel extends VerticalLayout {

    private final InvitationService invitations;
    private final Caller caller;
    private final Runnable onJoined;
    private final Div list = new Div();

    InvitationsPanel(InvitationService invitations, Caller caller, Runnable onJoined) {
        this.invitations = invitations;
        this.caller = caller;
        this.onJoined = onJoined;
        setId("invitations");
        setPadding(false);
        add(new H2("Invitations"), list);
        refresh();
    }

    private void refresh() {
        List<ReceivedInvitationView> open = invitations.received(caller);
        list.removeAll();
        open.forEach(invitation -> list.add(row(invitation)));
        setVisible(!open.isEmpty());
    }

    private HorizontalLayout row(ReceivedInvitationView invitation) {
        Span text = new Span(invitation.invitedBy() + " invites you to join " + invitation.organizationName()
                + " (" + invitation.organization() + ") as " + invitation.role() + ". Open until "
                + Times.format(invitation.expiresAt()) + ".");
        Button accept = new Button("Accept", click -> {
            invitations.accept(caller, invitation.id());
            refresh();
            onJoined.run();
        });
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setId("accept-" + invitation.organization());
        Button decline = new Button("Decline", click -> {
            invitations.decline(caller, invitation.id());
            refresh();
        });
        decline.setId("decline-" + invitation.organization());
        HorizontalLayout row = new HorizontalLayout(text, accept, decline);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.addClassName("invitation");
        return row;
    }
}
