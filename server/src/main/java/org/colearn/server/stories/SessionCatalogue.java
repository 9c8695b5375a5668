package org.colearn.server.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.server.community.Member;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The catalogue as an activity of one live session uses it, through the plugin API: the same validation, patient-data
 * check, approval, coarse posting time, edit-key hashing and, for an anonymous story, writing by the {@link Mixer}
 * as the catalogue's own pages, so there is one set of rules: {@link #form} is the catalogue's form check itself. Only this
 * class speaks the plugin API's calls; the entities beside it know only its {@code Credit}. Each call is one short
 * transaction, made on the session's thread.
 */
public final class SessionCatalogue implements org.colearn.plugin.api.Stories {

    private final SessionFactory sessions;
    private final Clock clock;
    private final UUID collaborativeId;
    private final UUID sessionId;

    public SessionCatalogue(SessionFactory sessions, Clock clock, UUID collaborativeId, UUID sessionId) {
        this.sessions = sessions;
        this.clock = clock;
        this.collaborativeId = collaborativeId;
        this.sessionId = sessionId;
    }

    @Override
    public List<Finding> check(Text text) {
        return PatientDataCheck.check(fields(text)).stream()
                .map(f -> new Finding(f.field(), f.kind(), capitalised(PART_NAMES.get(f.field())) + " may hold "
                        + StoryRequests.describe(f.kind()) + " (characters " + (f.start() + 1) + " to " + f.end()
                        + "): remove it, or confirm it does not identify anyone."))
                .toList();
    }

    @Override
    public Text form(Text text) throws ActivityException {
        if (text == null) {
            throw new ActivityException("invalid_story", "A story needs its text.");
        }
        try {
            Validation.valid(request(text, Credit.PERSON, Visibility.COLLABORATIVE));
        } catch (ApiException e) {
            throw refusal(e);
        }
        return new Text(given(text.title()).strip(), given(text.topic()).strip(), given(text.changeIdea()).strip(),
                given(text.tried()).strip(), given(text.happened()).strip(), given(text.learned()).strip(),
                given(text.differently()).strip(), StoryRequests.tags(text.tags()));
    }

    @Override
    public Optional<Story> own(Participant teller, String storyId, String editKey) {
        UUID id = uuid(storyId);
        if (id == null || teller == null) {
            return Optional.empty();
        }
        return sessions.fromTransaction(session -> {
            org.colearn.server.stories.Story story = session.find(org.colearn.server.stories.Story.class, id);
            if (story == null || story.status() == StoryStatus.HIDDEN || !story.collaborativeId().equals(collaborativeId)) {
                return Optional.empty();
            }
            boolean own = editKey == null
                    ? !story.anonymous() && creditedTo(story, member(session, teller))
                    : story.anonymous() && EditKeys.matches(editKey, story.editKeyHash());
            return own ? Optional.of(asRead(session, story)) : Optional.empty();
        });
    }

    @Override
    public Optional<Story> readable(String storyId) {
        UUID id = uuid(storyId);
        if (id == null) {
            return Optional.empty();
        }
        return sessions.fromTransaction(session -> {
            org.colearn.server.stories.Story story = session.find(org.colearn.server.stories.Story.class, id);
            return story != null && readableHere(story) ? Optional.of(asRead(session, story)) : Optional.empty();
        });
    }

    @Override
    public String publish(Text text, Credit credit, Participant teller, String editKey, Visibility visibility,
            boolean confirmedNotIdentifying) throws ActivityException {
        if (text == null || credit == null || visibility == null) {
            throw new ActivityException("invalid_story", "A story needs its text, its credit and who may read it.");
        }
        List<Finding> findings = check(text);
        if (!confirmedNotIdentifying && !findings.isEmpty()) {
            throw new ActivityException("patient_data_suspected", findings.get(0).field(), findings.get(0).message()
                    + (findings.size() > 1 ? " " + (findings.size() - 1) + " more passage(s) too." : ""));
        }
        if (credit == Credit.ANONYMOUS) {
            if (!EditKeys.fits(editKey)) {
                throw new ActivityException("invalid_credit", "key", "An anonymous story needs the teller's private key of "
                        + EditKeys.MIN_LENGTH + " to " + EditKeys.MAX_LENGTH + " characters.");
            }
            if (visibility == Visibility.PAIR) {
                // A pair story is scoped to its teller's site, which an anonymous story from a session must not name.
                throw new ActivityException("invalid_visibility", "visibility",
                        "An anonymous story can be shared with this session, the collaborative or every collaborative, not with your pair.");
            }
        } else if (teller == null) {
            throw new ActivityException("invalid_credit", "A credited story needs its teller.");
        }
        StoryRequests.NewStory request = request(text, credit, visibility);
        try {
            Validation.valid(request);
            return sessions.fromTransaction(session -> write(session, request, credit, teller, editKey)).toString();
        } catch (ApiException e) {
            throw refusal(e);
        }
    }

    private UUID write(Session session, StoryRequests.NewStory request, Credit credit, Participant teller, String editKey) {
        Member author = credit == Credit.ANONYMOUS ? null : member(session, teller);
        if (credit != Credit.ANONYMOUS && author == null) {
            throw ApiException.invalid("credit", "can name only a member of this collaborative; choose anonymous instead");
        }
        if (credit == Credit.SITE && author.siteId() == null) {
            throw ApiException.invalid("credit", "can be your site's team only once you belong to a site");
        }
        String keyHash = author == null ? EditKeys.hash(editKey.strip()) : null;
        if (keyHash != null && (session.createSelectionQuery("select count(*) from Story where editKeyHash = :hash", Long.class)
                .setParameter("hash", keyHash).getSingleResult() > 0 || Spool.storyWithKey(session, keyHash).isPresent())) {
            throw ApiException.invalid("key", "already opens another story; a new story needs a new key");
        }
        Instant now = PostingTime.kept(clock.instant(), request.credit());
        org.colearn.server.stories.Story story = new org.colearn.server.stories.Story(collaborativeId, request.credit(),
                author == null ? null : author.id(), author == null ? null : author.siteId(), keyHash, now);
        story.write(request, now);
        StoryWriting.scope(session, story, request.visibility(), request.sessionId(), author == null ? null : author.siteId());
        // A facilitator's own story leads by example, as the catalogue marks it.
        StoryWriting.faculty(story, credit == Credit.PERSON && author.isFacilitator(), author);
        StoryWriting.reindex(session, story);
        if (story.anonymous()) {
            // Written later by the mixer, among others, apart from the session's log and the teller's own actions.
            Spool.put(session, new Spool.SpooledStory(story.id(), collaborativeId, null, now, keyHash, request), clock.instant());
        } else {
            session.persist(story);
        }
        return story.id();
    }

    private StoryRequests.NewStory request(Text text, Credit credit, Visibility visibility) {
        org.colearn.server.stories.Visibility kept = org.colearn.server.stories.Visibility.valueOf(visibility.name());
        return new StoryRequests.NewStory(given(text.title()), given(text.topic()), given(text.changeIdea()), given(text.tried()),
                given(text.happened()), given(text.learned()), given(text.differently()), text.tags(), credit, kept,
                kept == org.colearn.server.stories.Visibility.SESSION ? sessionId : null, null, null, true);
    }

    /** Read by everyone in this session: approved, and shared with this session, its collaborative or the server. */
    private boolean readableHere(org.colearn.server.stories.Story story) {
        if (story.status() != StoryStatus.PUBLISHED) {
            return false;
        }
        return switch (story.visibility()) {
            case SESSION -> story.collaborativeId().equals(collaborativeId) && sessionId.equals(story.scopeSessionId());
            case COLLABORATIVE -> story.collaborativeId().equals(collaborativeId);
            case SERVER -> true;
            case PAIR -> false;
        };
    }

    private static boolean creditedTo(org.colearn.server.stories.Story story, Member member) {
        if (member == null) {
            return false;
        }
        return switch (story.credit()) {
            case PERSON -> member.id().equals(story.creditMemberId());
            case SITE -> member.siteId() != null && member.siteId().equals(story.creditSiteId());
            case ANONYMOUS -> false;
        };
    }

    private Member member(Session session, Participant person) {
        UUID accountId = uuid(person.personId());
        if (accountId == null) {
            return null;
        }
        return session.createSelectionQuery(
                        "from Member where collaborativeId = :collaborative and accountId = :account", Member.class)
                .setParameter("collaborative", collaborativeId)
                .setParameter("account", accountId)
                .uniqueResult();
    }

    /** The story as any reader sees it: its credit by name, or none at all when it is anonymous. */
    private static Story asRead(Session session, org.colearn.server.stories.Story story) {
        StoryViews.Names names = StoryViews.Names.load(session, java.util.Arrays.asList(story.creditMemberId()),
                java.util.Arrays.asList(story.creditSiteId()), List.of());
        String credit = switch (story.credit()) {
            case PERSON -> names.member(story.creditMemberId());
            case SITE -> names.site(story.creditSiteId()) + " team";
            case ANONYMOUS -> null;
        };
        Text text = new Text(story.title(), story.topic(), story.changeIdea(), story.whatWeTried(), story.whatHappened(),
                story.whatWeLearned(), story.whatWeWouldDoDifferently(), story.tags());
        return new Story(story.id().toString(), text, credit, story.faculty());
    }

    /** The parts of {@link Text} in the words of the story form, for the sentences a teller reads. */
    private static final Map<String, String> PART_NAMES = Map.of("title", "the title", "topic", "the topic",
            "changeIdea", "the change idea", "tried", "what we tried", "happened", "what happened",
            "learned", "what we learned", "differently", "what we would do differently", "tags", "the tags");

    /** The parts of the text by the names activities know them by, for the patient-data check. */
    private static Map<String, String> fields(Text text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", text.title());
        fields.put("topic", text.topic());
        fields.put("changeIdea", text.changeIdea());
        fields.put("tried", text.tried());
        fields.put("happened", text.happened());
        fields.put("learned", text.learned());
        fields.put("differently", text.differently());
        fields.put("tags", text.tags() == null ? null : String.join(", ", text.tags()));
        return fields;
    }

    /** The catalogue's refusal in the activity's words: the field names the activity knows, one sentence. */
    private static ActivityException refusal(ApiException e) {
        if (e.fieldErrors().isEmpty()) {
            return new ActivityException(e.code(), e.getMessage());
        }
        String field = activityName(e.fieldErrors().get(0).field());
        String code = switch (field) {
            case "credit", "key" -> "invalid_credit";
            case "visibility" -> "invalid_visibility";
            case "tags" -> "invalid_tags";
            default -> "invalid_story";
        };
        StringBuilder sentence = new StringBuilder("Check the story: ");
        e.fieldErrors().forEach(f -> sentence.append(PART_NAMES.getOrDefault(activityName(f.field()), activityName(f.field())))
                .append(' ').append(f.message()).append("; "));
        sentence.setLength(sentence.length() - 2);
        return new ActivityException(code, field, sentence.append('.').toString());
    }

    /** A field of the catalogue's requests by the name {@link Text} gives it. */
    private static String activityName(String field) {
        return switch (field) {
            case "whatWeTried" -> "tried";
            case "whatHappened" -> "happened";
            case "whatWeLearned" -> "learned";
            case "whatWeWouldDoDifferently" -> "differently";
            default -> field.startsWith("tags") ? "tags" : field;
        };
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Activities pass empty text for a part not given; a missing one reads the same. */
    private static String given(String text) {
        return text == null ? "" : text;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
