package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.Parameter;

class RowDocumentTests {

	@Test
	void ofWhenEveryKindOfValueThenOneObjectKeyedByColumn() {
		UUID id = UUID.fromString("00000000-0000-0000-0000-00000000002a");
		List<Object> values = Arrays.asList(id, "قال \"لا\"\n\\", Instant.parse("2026-12-05T07:30:00.123456789Z"), 7,
				true, Json.of("{\"a\":[1]}"), new String[] { "x", "y\"" }, Parameter.empty(String.class),
				Parameter.from("set"), null);
		List<String> columns = List.of("id", "text", "at", "n", "yes", "doc", "tags", "none", "given", "nothing");

		assertThat(RowDocument.of(columns, values).asString()).isEqualTo("{\"id\":\"" + id
				+ "\",\"text\":\"قال \\\"لا\\\"\\n\\\\\",\"at\":\"2026-12-05T07:30:00.123456Z\",\"n\":7,\"yes\":true,"
				+ "\"doc\":{\"a\":[1]},\"tags\":[\"x\",\"y\\\"\"],\"none\":null,\"given\":\"set\",\"nothing\":null}");
	}

	@Test
	void ofWhenAValueHasNoJsonFormThenRefusedNamingItsType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RowDocument.of(List.of("bytes"), List.of(new byte[] { 1 })))
			.withMessageContaining("[B");
	}

}
