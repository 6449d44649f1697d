package sa.rawabit.platform.tools;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param publicBaseUrl where beneficiaries reach the public pages; links to public documents start with it */
@ConfigurationProperties("rawabit.tools")
record ToolsProperties(@DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl) {
}
