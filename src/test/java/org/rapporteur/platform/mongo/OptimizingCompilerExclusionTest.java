package org.rapporteur.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizingCompilerExclusionTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("Starting the embedded database keeps H2's MVMap.operate out of C2 in this JVM")
  void startingTheDatabaseAddsTheDirective() throws Exception {
    try (EmbeddedMongo database = EmbeddedMongo.start(dataDir, false, EmbeddedMongo.DEFAULT_CACHE_MIB)) {
      String directives = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      assertThat(directives).contains("matching: org/h2/mvstore/MVMap.operate");
      String ours = directives.substring(directives.indexOf("matching: org/h2/mvstore/MVMap.operate"));
      ours = ours.contains("Directive:") ? ours.substring(0, ours.indexOf("Directive:")) : ours;
      assertThat(ours.substring(ours.indexOf("c1 directives:"), ours.indexOf("c2 directives:")))
          .contains("Exclude:false");
      assertThat(ours.substring(ours.indexOf("c2 directives:"))).contains("Exclude:true");
    }
  }
}
