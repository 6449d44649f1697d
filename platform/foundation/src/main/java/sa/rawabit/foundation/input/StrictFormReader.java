package sa.rawabit.foundation.input;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies like Spring's reader, but a
 * malformed percent-escape ({@code name=%ZZ}, which Spring lets escape as a 500) and a
 * refused character are problems naming the field. The body is counted as it streams in
 * (the limit holds whatever {@code Content-Length} said); a larger one is refused as 413.
 */
public final class StrictFormReader extends FormHttpMessageReader {

	@Override
	public Mono<MultiValueMap<String, String>> readMono(ResolvableType elementType, ReactiveHttpInputMessage message,
			Map<String, Object> hints) {
		MediaType contentType = message.getHeaders().getContentType();
		Charset charset = contentType != null && contentType.getCharset() != null ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		return DataBufferUtils.join(message.getBody(), getMaxInMemorySize()).map(buffer -> {
			try {
				return parse(buffer.toString(charset), charset);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).switchIfEmpty(Mono.fromSupplier(LinkedMultiValueMap::new));
	}

	static MultiValueMap<String, String> parse(String body, Charset charset) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String name = decode(rawName, charset, "form");
			String value = equals < 0 ? null : decode(pair.substring(equals + 1), charset, name);
			InputText.require(name, name);
			InputText.require(name, value);
			form.add(name, value);
		}
		return form;
	}

	private static String decode(String raw, Charset charset, String field) {
		try {
			return URLDecoder.decode(raw, charset);
		}
		catch (IllegalArgumentException malformed) {
			throw InputText.malformed(InputText.isClean(field) ? field : "form");
		}
	}

}
