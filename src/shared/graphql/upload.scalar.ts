import { GraphQLError, GraphQLScalarType } from "graphql";
import { errorExtensions, sharedErrorCodes } from "../errors/app-error.js";

/** A file part of a multipart request, read whole (its size was bounded while it was read). */
export class UploadedFile {
  constructor(
    /** The part's file name as the client sent it; null when it sent none. */
    readonly filename: string | null,
    readonly mimeType: string,
    readonly bytes: Uint8Array,
  ) {}
}

function notAFile(): GraphQLError {
  return new GraphQLError(
    "An Upload is a file part of a multipart request (graphql-multipart-request-spec), placed in a variable by the request's map",
    { extensions: { ...errorExtensions(sharedErrorCodes.badInput) } },
  );
}

/**
 * The graphql-multipart-request-spec's `Upload`: the HTTP layer puts each file where the request's
 * map says, so a value only ever arrives through a variable, already read.
 */
export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: "Upload",
  description:
    "A file sent in a multipart/form-data request (graphql-multipart-request-spec): declared as a variable, set to null in `operations`, and filled by the request's `map`. Never a literal, never in a JSON body.",
  parseValue(value) {
    if (value instanceof UploadedFile) return value;
    throw notAFile();
  },
  parseLiteral() {
    throw notAFile();
  },
  serialize() {
    throw new Error("Upload is an input type only");
  },
});
