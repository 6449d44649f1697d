package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;

/**
 * The audit the page tests run can fail: it names what axe finds, and passes a page
 * without faults.
 */
class AccessibilityAuditTests {

	@Test
	void auditWhenImageWithoutTextAndNamelessButtonThenFailsNamingEachRuleAndElement() {
		try (BrowserContext context = Browser.get().newContext()) {
			Page page = context.newPage();
			page.setContent(
					"""
							<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>صفحة</title></head>
							<body><main><h1>عنوان</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button id="bare"></button></main></body></html>""");

			assertThatThrownBy(() -> Accessibility.audit(page, "a faulty page")).isInstanceOf(AssertionError.class)
				.hasMessageContaining("image-alt")
				.hasMessageContaining("button-name")
				.hasMessageContaining("#bare");
		}
	}

	@Test
	void auditWhenPageHasLanguageLandmarksAndNamesThenPasses() {
		try (BrowserContext context = Browser.get().newContext()) {
			Page page = context.newPage();
			page.setContent("""
					<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>صفحة</title></head>
					<body><main><h1>عنوان</h1><button>إرسال</button></main></body></html>""");

			Accessibility.audit(page, "a sound page");
			assertThat(page.evaluate("typeof window.axe")).isEqualTo("object");
		}
	}

}
