package io.github.mfaeval.load;

import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.load.signin.PortalAuthDetails;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.model.SignIn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What SignInReader made of one file: the facts, their kinds, the rejections and notices, and the format. */
public final class SignInFile {
    public final List<SignIn> signIns = new ArrayList<>();
    public final Map<String, SignInKind> kinds = new TreeMap<>();
    public final List<Rejection> rejections = new ArrayList<>();
    public final List<Rejection> notices = new ArrayList<>();
    public String format;

    public static SignInFile read(Path file) {
        return read(file, null);
    }

    public static SignInFile read(Path file, PortalAuthDetails details) {
        SignInFile r = new SignInFile();
        r.format = SignInReader.read(file, details, new SignInReader.Sink() {
            @Override
            public void signIn(SignIn signIn) {
                r.signIns.add(signIn);
                r.kinds.put(signIn.getId(), SignInKind.ofCode(signIn.getKind()));
            }

            @Override
            public void rejected(Rejection rejection) {
                r.rejections.add(rejection);
            }

            @Override
            public void notice(Rejection notice) {
                r.notices.add(notice);
            }
        });
        return r;
    }

    public long rejected() {
        return rejections.stream().mapToLong(Rejection::records).sum();
    }

    public SignIn byId(String id) {
        return signIns.stream().filter(s -> s.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no sign-in " + id + " in " + signIns.stream().map(SignIn::getId).toList()
                        + "; rejected: " + rejections));
    }

    @Override
    public String toString() {
        return format + ": " + signIns.size() + " sign-ins, rejected " + rejections + ", notices " + notices;
    }
}
