import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
} from "graphql";
import { badInput, type AppError } from "../shared/errors/app-error.js";
import { invalidTextProblem } from "../shared/errors/input-guards.js";
import type { ResolvedOperation } from "./query-cost.js";

/**
 * Input fields that carry a whole document rather than a value: the import reader checks them
 * itself and names the line and column of a NUL (`import.binary_content`), which says more.
 */
export const documentInputFields: ReadonlySet<string> = new Set(["ImportPlanInput.text"]);

/**
 * The one guard on text a client sends through GraphQL: every String and ID argument of the
 * operation, and every String and ID field of its input objects and lists, literal or variable,
 * goes through {@link invalidTextProblem} before anything runs. The first bad one is returned as
 * `input.invalid` naming its argument path (`filter.councils[1]`, `input.text`), as resolvers'
 * own checks name them. Values that do not coerce are left to graphql-js, which refuses them.
 */
export function invalidTextArgument({ schema, document, operation, variables }: ResolvedOperation): AppError | null {
  const typeInfo = new TypeInfo(schema);
  let found: AppError | null = null;
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      if (found) return false;
      const argument = typeInfo.getArgument();
      if (!argument) return false;
      let value: unknown;
      try {
        value = valueFromAST(node.value, argument.type, variables);
      } catch {
        return false;
      }
      const bad = firstInvalidText(value, argument.type, node.name.value);
      if (bad) {
        const directive = typeInfo.getDirective();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        const owner = directive
          ? `@${directive.name}`
          : field && parent
            ? `${parent.name}.${field.name}`
            : "the operation";
        found = badInput(bad.path, `${bad.path} (an argument of ${owner}) ${bad.problem}`);
      }
      return false;
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (found) break;
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return found;
}

function firstInvalidText(
  value: unknown,
  type: GraphQLInputType,
  path: string,
): { path: string; problem: string } | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [i, item] of items.entries()) {
      const bad = firstInvalidText(item, nullable.ofType, `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object") return null;
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value)) {
      const field = documentInputFields.has(`${nullable.name}.${name}`) ? undefined : fields[name];
      const bad = field ? firstInvalidText(fieldValue, field.type, `${path}.${name}`) : null;
      if (bad) return bad;
    }
    return null;
  }
  const named = getNamedType(nullable);
  if ((named.name === "String" || named.name === "ID") && typeof value === "string") {
    const problem = invalidTextProblem(value);
    if (problem !== null) return { path, problem };
  }
  return null;
}
