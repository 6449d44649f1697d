/**
 * The case kernel: how a request, complaint or inquiry moves - the acting member's
 * association and policy acknowledgement, the locked case (404 when the association has
 * none), and the audit event and dashboards' outbox event written in the same tenant
 * transaction. Each desk keeps its own decisions.
 */
@NullMarked
@ApplicationModule(displayName = "Cases", allowedDependencies = { "audit", "notifications", "policy" })
package sa.rawabit.platform.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
