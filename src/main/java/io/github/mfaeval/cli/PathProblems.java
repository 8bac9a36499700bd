package io.github.mfaeval.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in words: Java's file exceptions carry only the path as their message ("cannot write x: x"),
 * so the kind of failure is spelled out here.
 */
final class PathProblems {
    private PathProblems() {
    }

    static String describe(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String reason = e instanceof FileSystemException f ? f.getReason() : null;
        String what;
        if (e instanceof NoSuchFileException) what = "no such file or folder";
        else if (e instanceof AccessDeniedException) what = "permission denied";
        else if (e instanceof FileAlreadyExistsException) what = "a file of that name is in the way (a folder was needed)";
        else if (e instanceof NotDirectoryException) what = "not a folder";
        else if (e instanceof DirectoryNotEmptyException) what = "the folder is not empty";
        else if (reason != null) what = reason;
        else return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return file == null ? what : what + " (" + file + ")";
    }
}
