package io.github.mfaeval.load.signin;

import java.util.List;

/** The columns of one CSV sign-in file of a known dialect ({@link SignInFormat#columns}): its rows as records. */
interface SignInColumns {
    /** How the file is described in reports, e.g. "Entra admin center CSV (interactive sign-ins)". */
    String describe();

    /** A problem of the header that makes every row unusable, or null. */
    String unusable();

    /** Columns the dialect does not know, ignored (a notice names them). */
    default List<String> unknownColumns() {
        return List.of();
    }

    /** One row (its values in header order) as a record in Graph shape. */
    GraphRecord row(String[] values) throws PortalCsv.RowProblem;
}
