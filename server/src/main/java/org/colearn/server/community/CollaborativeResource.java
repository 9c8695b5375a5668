package org.colearn.server.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Account;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** Creating, listing, reading and editing collaboratives. */
@Path("collaboratives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CollaborativeResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public CollaborativeResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record CollaborativeRequest(
            @SingleLine @NotBlank @Size(max = 200) String name,
            @SingleLine @NotBlank @Size(max = 200) String topic,
            @NotBlank @Size(max = 2000) String aim,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            Profession myProfession) {

        static CollaborativeRequest checked(CollaborativeRequest request) {
            Validation.valid(request);
            if (request.endsOn().isBefore(request.startsOn())) {
                throw ApiException.invalid("endsOn", "must not be before startsOn");
            }
            return request;
        }
    }

    /** The collaboratives the caller is a member of, newest first. */
    @GET
    public List<Views.CollaborativeView> mine(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> session.createSelectionQuery(
                                "select m from Member m, Collaborative c where m.collaborativeId = c.id"
                                        + " and m.accountId = :account order by c.createdAt desc",
                                Member.class)
                .setParameter("account", caller.accountId())
                .getResultList()
                .stream()
                .map(m -> view(session, Access.collaborative(session, m.collaborativeId()), m))
                .toList());
    }

    /** Creates a collaborative; its creator becomes its first facilitator. */
    @POST
    public Response create(CollaborativeRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        CollaborativeRequest.checked(request);
        Views.CollaborativeView created = sessions.fromTransaction(session -> {
            Collaborative collaborative = new Collaborative(caller.accountId(), clock.instant());
            collaborative.update(request.name().strip(), request.topic().strip(), request.aim().strip(), request.startsOn(), request.endsOn());
            session.persist(collaborative);
            Account account = session.find(Account.class, caller.accountId());
            Member creator = new Member(collaborative.id(), account.id(), account.email(), account.displayName(), clock.instant());
            creator.place(null, request.myProfession(), MemberRole.FACILITATOR);
            session.persist(creator);
            session.flush();
            return view(session, collaborative, creator);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{collaborativeId}")
    public Views.CollaborativeView get(@PathParam("collaborativeId") UUID id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member me = Access.member(session, id, caller);
            return view(session, Access.collaborative(session, id), me);
        });
    }

    @PUT
    @Path("{collaborativeId}")
    public Views.CollaborativeView update(
            @PathParam("collaborativeId") UUID id, CollaborativeRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member me = Access.facilitator(session, id, caller, "change the collaborative");
            CollaborativeRequest.checked(request);
            Collaborative collaborative = Access.collaborative(session, id);
            collaborative.update(request.name().strip(), request.topic().strip(), request.aim().strip(), request.startsOn(), request.endsOn());
            return view(session, collaborative, me);
        });
    }

    private static Views.CollaborativeView view(Session session, Collaborative collaborative, Member me) {
        long sites = session.createSelectionQuery("select count(*) from Site where collaborativeId = :id", Long.class)
                .setParameter("id", collaborative.id())
                .getSingleResult();
        long members = session.createSelectionQuery("select count(*) from Member where collaborativeId = :id", Long.class)
                .setParameter("id", collaborative.id())
                .getSingleResult();
        return Views.CollaborativeView.of(collaborative, me, sites, members);
    }
}
