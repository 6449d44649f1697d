package sa.rawabit.platform.complaints;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.audit.AuditTrail;

/**
 * The association's complaint counts for its own governance reports (the tenant in the
 * Reactor Context): filed, closed (settled or resolved), open, and escalated now or
 * before closing (from the audit trail, asked through its module), as the national view
 * defines them (OVERSIGHT.md).
 */
@Service
public class ComplaintFigures {

	private final DatabaseClient database;

	private final Transactions transactions;

	private final AuditTrail audit;

	ComplaintFigures(DatabaseClient database, Transactions transactions, AuditTrail audit) {
		this.database = database;
		this.transactions = transactions;
		this.audit = audit;
	}

	public record Figures(long filed, long closed, long open, long escalated) {
	}

	public Mono<Figures> counts() {
		return transactions.inTenant(audit.subjectsWith(ComplaintClocks.SUBJECT, "complaint.escalated")
			.collectList()
			.flatMap(escalatedOnce -> database.sql("""
					select count(*) as filed,
					       count(*) filter (where c.state in ('settled', 'resolved')) as closed,
					       count(*) filter (where c.state not in ('settled', 'resolved')) as open,
					       count(*) filter (where c.state = 'escalated' or c.id = any($1)) as escalated
					from app.complaint c""")
				.bind(0, escalatedOnce.toArray(UUID[]::new))
				.map(row -> new Figures(row.get("filed", Long.class), row.get("closed", Long.class),
						row.get("open", Long.class), row.get("escalated", Long.class)))
				.one()));
	}

}
