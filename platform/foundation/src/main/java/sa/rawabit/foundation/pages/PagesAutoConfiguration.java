package sa.rawabit.foundation.pages;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
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

	/**
	 * A page controller that does not implement {@link RendersPages} would render without
	 * the layout's model: refused at start-up rather than found on a page.
	 */
	@Bean
	static BeanPostProcessor pageControllersRenderPages() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				Class<?> type = ClassUtils.getUserClass(bean);
				if (!(bean instanceof RendersPages)
						&& AnnotatedElementUtils.hasAnnotation(type, PageController.class)) {
					throw new BeanInitializationException(type.getName()
							+ " is a @PageController but does not implement " + RendersPages.class.getSimpleName()
							+ ": the page model advices select by that type");
				}
				return bean;
			}
		};
	}

}
