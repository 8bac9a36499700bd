package io.github.mfaeval.rules;

import io.github.mfaeval.engine.Stage;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The classes Drools' executable model generated for a rules folder, read back from the module jar it
 * compiled: each stage's kbase is made directly from its packages' model classes. Unlike loading the jar
 * as a kjar, this neither parses nor schema-validates kmodule.xml (half a second of a cached start), which
 * is why it is used only for kbases that kmodule.xml declares with names and packages alone.
 */
final class GeneratedModel {
    private static final String MODEL_LIST = "/drools-model";

    private final ClassLoader loader;
    private final List<String> modelClasses;

    private GeneratedModel(ClassLoader loader, List<String> modelClasses) {
        this.loader = loader;
        this.modelClasses = modelClasses;
    }

    static GeneratedModel of(byte[] module) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), zip.readAllBytes());
                } else if (name.startsWith("META-INF/kie/") && name.endsWith(MODEL_LIST)) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        line = line.trim();
                        if (!line.isEmpty() && !line.contains(":")) models.add(line); // skip "Drools-Model-Version:…"
                    }
                }
            }
        }
        if (models.isEmpty()) throw new IOException("no executable model in the module");
        return new GeneratedModel(new Classes(classes, GeneratedModel.class.getClassLoader()), models);
    }

    /** One kbase per stage, from the model classes of the stage's packages. */
    Map<Stage, KieBase> kieBases(Map<String, List<String>> packagesOfStage) throws IOException {
        Map<String, Model> byPackage = new HashMap<>();
        for (String name : modelClasses) {
            try {
                Model m = (Model) loader.loadClass(name).getDeclaredConstructor().newInstance();
                byPackage.put(m.getPackageName(), m);
            } catch (ReflectiveOperationException e) {
                throw new IOException("model class " + name + ": " + e, e);
            }
        }
        Map<Stage, KieBase> bases = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            List<String> packages = packagesOfStage.get(stage.kbase());
            if (packages == null) throw new IOException("no packages recorded for stage " + stage.kbase());
            List<Model> models = new ArrayList<>();
            for (String p : packages) {
                Model m = byPackage.get(p);
                if (m == null) throw new IOException("no model class for package " + p);
                models.add(m);
            }
            KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, loader);
            bases.put(stage, KieBaseBuilder.createKieBaseFromModel(models, conf));
        }
        return bases;
    }

    /** Defines the generated classes on demand; everything else (facts, sinks, Drools) from this tool's loader. */
    private static final class Classes extends ClassLoader {
        private final Map<String, byte[]> classes;

        Classes(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
