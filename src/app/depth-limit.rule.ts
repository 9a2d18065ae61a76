import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { errorExtensions, sharedErrorCodes } from "../shared/errors/app-error.js";

/** Rejects operations nested deeper than `maxDepth` fields, following fragments, before any resolver runs. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    // Memoised per fragment: re-walking a fragment at every spread is exponential in nesting
    // (`F2 { ...F1 ...F1 }`, `F3 { ...F2 ...F2 }`, … makes a 1 KB query cost minutes).
    const fragmentDepths = new Map<string, number>();
    const depthOf = (set: SelectionSetNode, stack: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const below = selection.selectionSet ? depthOf(selection.selectionSet, stack) : 0;
          deepest = Math.max(deepest, (selection.name.value.startsWith("__") ? 0 : 1) + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, stack));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment spread inside itself is reported by graphql's own NoFragmentCycles rule.
          if (!fragment || stack.has(name)) continue;
          let depth = fragmentDepths.get(name);
          if (depth === undefined) {
            depth = depthOf(fragment.selectionSet, new Set([...stack, name]));
            fragmentDepths.set(name, depth);
          }
          deepest = Math.max(deepest, depth);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
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
