package dev.bulwark.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The demo's self-signed TLS certificate (EC P-256, SHA-256, one year), made with Bouncy
 * Castle on first start: {@code tls-key.pem} (PKCS#8, owner-only) and {@code tls-cert.pem}
 * (what a client trusts). Its subject alternative names are {@code localhost},
 * {@code 127.0.0.1}, {@code ::1} and the {@code --host}. The key store handed to Jetty lives
 * only in memory.
 */
final class TlsMaterial {

  static final String KEY_FILE = "tls-key.pem";
  static final String CERT_FILE = "tls-cert.pem";
  private static final String ALIAS = "bulwark-demo";

  private final Path certificateFile;
  private final KeyStore keyStore;
  private final String keyStorePassword;

  private TlsMaterial(Path certificateFile, KeyStore keyStore, String keyStorePassword) {
    this.certificateFile = certificateFile;
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
  }

  static TlsMaterial loadOrCreate(DataDir dir, String host, SecureRandom random)
      throws IOException, GeneralSecurityException {
    Path keyFile = dir.resolve(KEY_FILE);
    Path certFile = dir.resolve(CERT_FILE);
    if (!Files.exists(keyFile) || !Files.exists(certFile)) {
      if (Files.exists(keyFile) || Files.exists(certFile)) {
        throw new IOException("Only one of " + keyFile + " and " + certFile + " exists; delete"
            + " the other one too and the demo makes a new certificate");
      }
      create(dir, host, random);
    } else {
      dir.say("Reusing the TLS certificate " + certFile);
    }
    PrivateKey key = readKey(keyFile);
    X509Certificate certificate = readCertificate(certFile);
    if (!names(certificate).contains(host)) {
      dir.say("WARNING: " + certFile + " does not name the host " + host + "; delete "
          + KEY_FILE + " and " + CERT_FILE + " to make a new certificate");
    }
    byte[] secret = new byte[18];
    random.nextBytes(secret);
    String password = Base64.getEncoder().encodeToString(secret);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ALIAS, key, password.toCharArray(), new X509Certificate[] {certificate});
    return new TlsMaterial(certFile, store, password);
  }

  Path certificateFile() {
    return certificateFile;
  }

  KeyStore keyStore() {
    return keyStore;
  }

  String keyStorePassword() {
    return keyStorePassword;
  }

  private static void create(DataDir dir, String host, SecureRandom random)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair pair = generator.generateKeyPair();
    Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    hosts.add(host);
    List<GeneralName> names = new ArrayList<>();
    for (String name : hosts) {
      names.add(IPAddress.isValid(name) ? new GeneralName(GeneralName.iPAddress, name)
          : new GeneralName(GeneralName.dNSName, name));
    }
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=Bulwark demo (" + hosts.iterator().next() + ")");
    X509Certificate certificate;
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(127, random).add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))),
          subject, pair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(new GeneralName[0])));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509CertificateHolder holder = builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      certificate = new JcaX509CertificateConverter().getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign the demo certificate", e);
    }
    dir.createPrivate(KEY_FILE, pem(new JcaPKCS8Generator(pair.getPrivate(), null)),
        "the TLS private key");
    dir.createPrivate(CERT_FILE, pem(certificate),
        "a self-signed TLS certificate for " + hosts + " (trust it with curl --cacert)");
  }

  private static byte[] pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static PrivateKey readKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (!(object instanceof PrivateKeyInfo info)) {
        throw new IOException(file + " does not hold a PKCS#8 private key; delete "
            + KEY_FILE + " and " + CERT_FILE + " to make new ones");
      }
      return new JcaPEMKeyConverter().getPrivateKey(info);
    }
  }

  private static X509Certificate readCertificate(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static Set<String> names(X509Certificate certificate)
      throws GeneralSecurityException {
    Set<String> names = new LinkedHashSet<>();
    Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
    if (alternatives != null) {
      for (List<?> entry : alternatives) {
        if (entry.size() == 2 && entry.get(1) instanceof String name) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
