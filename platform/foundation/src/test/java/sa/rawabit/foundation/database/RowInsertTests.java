package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowInsertTests {

	@Test
	void sqlWhenParameterGivenThenReadsTheRowFromThatDocument() {
		RowInsert row = new RowInsert("app.audit_event", List.of("tenant_id", "actor"), List.of("t", "a"));

		assertThat(row.sql(1)).isEqualTo("insert into app.audit_event (tenant_id, actor) select tenant_id, actor "
				+ "from jsonb_populate_record(null::app.audit_event, $1)");
		assertThat(row.sql(11)).endsWith("(null::app.audit_event, $11)");
	}

	@Test
	void statementSqlWhenSeveralRowsThenEachButTheLastIsAWithClauseEachWithItsOwnDocument() {
		RowInsert complaint = new RowInsert("app.complaint", List.of("id", "state"), List.of("c", "received"));
		RowInsert audit = new RowInsert("app.audit_event", List.of("actor"), List.of("a"));
		RowInsert outbox = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("t", "p"));

		assertThat(RowInsert.statementSql(List.of(complaint, audit, outbox))).isEqualTo(
				"with row_0 as (insert into app.complaint (id, state) select id, state from jsonb_populate_record(null::app.complaint, $1)), "
						+ "row_1 as (insert into app.audit_event (actor) select actor from jsonb_populate_record(null::app.audit_event, $2)) "
						+ "insert into app.outbox (topic, payload) select topic, payload from jsonb_populate_record(null::app.outbox, $3)");
		assertThat(RowInsert.write(List.of(complaint, audit, outbox), "").values()).hasSize(3);
	}

	@Test
	void statementSqlWhenSameShapeAgainThenComposedOnceAndOtherShapesKeepTheirOwn() {
		RowInsert first = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("t", "p"));
		RowInsert again = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("other", "values"));
		RowInsert fewer = new RowInsert("app.outbox", List.of("topic"), List.of("t"));
		RowInsert elsewhere = new RowInsert("app.audit_event", List.of("topic", "payload"), List.of("t", "p"));

		assertThat(RowInsert.statementSql(List.of(again))).isSameAs(RowInsert.statementSql(List.of(first)));
		assertThat(RowInsert.statementSql(List.of(fewer)))
			.isEqualTo("insert into app.outbox (topic) select topic from jsonb_populate_record(null::app.outbox, $1)");
		assertThat(RowInsert.statementSql(List.of(elsewhere)))
			.startsWith("insert into app.audit_event (topic, payload)");
		assertThat(RowInsert.statementSql(List.of(fewer, first))).isEqualTo(
				"with row_0 as (insert into app.outbox (topic) select topic from jsonb_populate_record(null::app.outbox, $1)) "
						+ "insert into app.outbox (topic, payload) select topic, payload from jsonb_populate_record(null::app.outbox, $2)");
	}

	@Test
	void newWhenColumnsAndValuesDifferInNumberThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RowInsert("app.outbox", List.of("a", "b"), List.of("only one")))
			.withMessage("2 columns, 1 values");
	}

}
