import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { errorExtensions, sharedErrorCodes } from "../shared/errors/app-error.js";

/**
 * Rejects operations nested deeper than `maxDepth` fields, following fragments, before any resolver runs.
 * Inside introspection (`__schema`, `__type`) an `ofType` only unwraps a list or non-null wrapper and
 * does not count: the explorer's standard introspection query nests eight of them to describe
 * `[Int!]!`-like types, and a chain of them grows the answer by one type a level, not a fan-out.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    // Memoised per fragment: re-walking a fragment at every spread is exponential in nesting
    // (`F2 { ...F1 ...F1 }`, `F3 { ...F2 ...F2 }`, … makes a 1 KB query cost minutes).
    const fragmentDepths = new Map<string, number>();
    const depthOf = (set: SelectionSetNode, stack: Set<string>, introspecting: boolean): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const inside = introspecting || name === "__schema" || name === "__type";
          const below = selection.selectionSet ? depthOf(selection.selectionSet, stack, inside) : 0;
          const counts = !name.startsWith("__") && !(introspecting && name === "ofType");
          deepest = Math.max(deepest, (counts ? 1 : 0) + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, stack, introspecting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment spread inside itself is reported by graphql's own NoFragmentCycles rule.
          if (!fragment || stack.has(name)) continue;
          const key = `${introspecting ? "introspection" : "data"}:${name}`;
          let depth = fragmentDepths.get(key);
          if (depth === undefined) {
            depth = depthOf(fragment.selectionSet, new Set([...stack, name]), introspecting);
            fragmentDepths.set(key, depth);
          }
          deepest = Math.max(deepest, depth);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set(), false);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is ${depth} fields deep; at most ${maxDepth} are allowed`, {
              nodes: node,
              extensions: errorExtensions(sharedErrorCodes.depthExceeded),
            }),
          );
        }
      },
    };
  };
}
