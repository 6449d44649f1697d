package sa.rawabit.foundation.pages;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The pages' language resolution and shared model for both planes. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@Import(PageModelAdvice.class)
public class PagesAutoConfiguration {

	/** Named as WebFlux looks it up, replacing the Accept-Language resolver. */
	@Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	LocaleContextResolver localeContextResolver() {
		return new PageLocales();
	}

}
