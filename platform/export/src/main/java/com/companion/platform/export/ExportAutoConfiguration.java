package com.companion.platform.export;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3 client for the export parts, unless the service has its own (media-service does, for the
 * same bucket): path-style addressing and checksums only where the API requires them, so any
 * S3-compatible store works. Its HTTP client is the JDK's ({@code url-connection-client}): an Apache
 * HttpClient 5 on the classpath would become the HTTP client of Spring's {@code RestClient} too.
 */
@AutoConfiguration
@EnableConfigurationProperties(ExportProperties.class)
public class ExportAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AwsCredentialsProvider awsCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    /** Only where the kit's HTTP client is on the classpath (media-service brings its own client and excludes it). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient")
    S3Client s3Client(ExportProperties properties, AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .endpointOverride(properties.endpoint())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(properties.connectTimeout())
                        .socketTimeout(properties.callTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(properties.callTimeout())
                        .build())
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Presigner s3Presigner(ExportProperties properties, AwsCredentialsProvider credentials) {
        return S3Presigner.builder()
                .endpointOverride(properties.publicEndpoint())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @Bean
    ExportStorage exportStorage(S3Client s3, ExportProperties properties) {
        return new ExportStorage(s3, properties.bucket());
    }
}
