package sa.rawabit.platform.requests;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the requests feature.
 *
 * @param defaultQuorum committee votes needed when the policy's decision stage sets no
 * quorum (the seeds set none): a committee is more than one person, and three is the
 * smallest that can outvote
 * @param attachmentMaxSize largest attachment accepted; bytes are stored in the database
 * @param attachmentTypes content types accepted, each also checked against the file's
 * first bytes
 * @param maxPageSize largest queue page a client may ask for
 */
@ConfigurationProperties("rawabit.requests")
public record RequestsProperties(@DefaultValue("3") int defaultQuorum, @DefaultValue("5MB") DataSize attachmentMaxSize,
		@DefaultValue( {
				"application/pdf", "image/jpeg", "image/png" }) List<String> attachmentTypes,
		@DefaultValue("100") int maxPageSize){
}
