package org.colearn.server.buddies;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.buddies.matching.SiteProfile;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;

/** A site's buddy profile as its lead sends it; {@link #checked} reports every field a person must correct. */
record ProfileRequest(
        @NotNull @Size(max = 20) List<String> offers,
        @NotNull @Size(max = 20) List<String> wants,
        @Size(max = 40) Map<String, Integer> stages,
        @SingleLine @Size(max = 60) String region,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Min(0) @Max(5) Integer capacity,
        @Size(max = 100) List<UUID> excludedSiteIds) {

    static final int TOPIC_LENGTH = 120;

    static ProfileRequest checked(ProfileRequest request) {
        Validation.valid(request);
        List<ApiException.FieldError> errors = new ArrayList<>();
        topics("offers", request.offers(), errors);
        topics("wants", request.wants(), errors);
        if (request.stages() != null) {
            request.stages().forEach((topic, stage) -> {
                if (topic == null || topic.isBlank() || topic.length() > TOPIC_LENGTH) {
                    errors.add(new ApiException.FieldError("stages", "has a topic that is blank or longer than " + TOPIC_LENGTH + " characters"));
                } else if (stage == null || stage < 1 || stage > 4) {
                    errors.add(new ApiException.FieldError("stages." + topic, "must be a stage from 1 to 4"));
                }
            });
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            errors.add(new ApiException.FieldError(
                    request.latitude() == null ? "latitude" : "longitude", "must be given with the other coordinate"));
        }
        if (request.region() != null && !request.region().isBlank() && UkRegions.named(request.region()) == null) {
            errors.add(new ApiException.FieldError("region", "must be one of: " + String.join(", ", UkRegions.ALL.keySet())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return request;
    }

    private static void topics(String field, List<String> topics, List<ApiException.FieldError> errors) {
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i);
            if (topic == null || topic.isBlank()) {
                errors.add(new ApiException.FieldError(field + "[" + i + "]", "must not be blank"));
            } else if (topic.length() > TOPIC_LENGTH) {
                errors.add(new ApiException.FieldError(field + "[" + i + "]", "must be at most " + TOPIC_LENGTH + " characters"));
            }
        }
    }

    /** The topics without repeats (as people read them), in the order given. */
    static List<String> distinct(List<String> topics) {
        Map<String, String> byKey = new LinkedHashMap<>();
        topics.forEach(topic -> byKey.putIfAbsent(SiteProfile.key(topic), topic.strip()));
        return List.copyOf(byKey.values());
    }

    Map<String, Integer> stagesOrEmpty() {
        Map<String, Integer> stages = new LinkedHashMap<>();
        if (this.stages != null) {
            this.stages.forEach((topic, stage) -> stages.put(topic.strip(), stage));
        }
        return stages;
    }
}
