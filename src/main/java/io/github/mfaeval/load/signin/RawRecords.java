package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

/** Where the readers of each container format hand the records of a sign-in file. */
interface RawRecords extends JsonStream.Records {
    /** One record already in Graph shape (a CSV row). */
    void normalised(GraphRecord record, Position at);

    /** A record already mapped onto its fact (the fast path of Graph records, for readers that offer one). */
    default void mapped(SignIn record) {
        throw new UnsupportedOperationException("this reader takes records as JSON only");
    }

    /** The same, for a record of another dialect than plain Graph (an Azure Monitor envelope), named as the tree path names it. */
    default void mapped(SignIn record, String dialect) {
        mapped(record);
    }

    /** A record the token stream mapped while a document was walked ({@link GraphJsonFastPath.Streamed}). */
    @Override
    default void taken(Object record) {
        GraphJsonFastPath.Streamed s = (GraphJsonFastPath.Streamed) record;
        mapped(s.mapped(), s.dialect());
    }
}
