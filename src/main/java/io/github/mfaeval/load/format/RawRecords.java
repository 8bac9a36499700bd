package io.github.mfaeval.load.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.JsonRecords.Position;
import io.github.mfaeval.load.SignInMapper;

/** Where the readers of each container format hand their records. */
interface RawRecords {
    /** The shape of the file, said once ("JSON page objects", "NDJSON", …). */
    void container(String description);

    /** One JSON record as found, to be brought into Graph shape. */
    void record(JsonNode node, Position at);

    /** One record already in Graph shape (a CSV row). */
    void normalised(SignInRecords.Normalised record, Position at);

    /** {@code count} records that cannot be read (1 for "the rest of the file"); {@code where} names them. */
    void broken(String where, String reason, long count);

    /** The same, at a record's position (which a reader of a range of a file moves once it knows what came before). */
    default void broken(Position at, String reason, long count) {
        broken(at.toString(), reason, count);
    }

    /** A record already mapped onto its fact (the fast path of Graph records, for readers that offer one). */
    default void mapped(SignInMapper.Mapped record) {
        throw new UnsupportedOperationException("this reader takes records as JSON only");
    }

    /** The same, for a record of another dialect than plain Graph (an Azure Monitor envelope), named as the tree path names it. */
    default void mapped(SignInMapper.Mapped record, String dialect) {
        mapped(record);
    }

    /** Something the user should know that costs no record (an unknown column). */
    void notice(String where, String message);
}
