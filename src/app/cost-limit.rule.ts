import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationTypeNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { maxPageSize } from "../shared/graphql/pagination.js";
import { errorExtensions, sharedErrorCodes } from "../shared/errors/app-error.js";

/**
 * Typical lengths of the graph's plain (unpaginated) list fields. Peer groups make the graph
 * cyclic (council → groups → members → groups …), so breadth, not only depth, needs a bound.
 */
const listEstimates: Record<string, number> = {
  members: 50,
  peerGroups: 6,
  peerChallenges: 2,
  sourceDocuments: 2,
  recommendations: 15,
  actions: 8,
  themes: 3,
  themeLinks: 3,
  progressUpdates: 3,
  children: 6,
};
const defaultListEstimate = 10;

/**
 * Out-of-range page sizes are refused at execution, but only after other fields of the same
 * operation have run: a negative `first` must not lower the estimate of the whole operation.
 */
function pageSizeOf(first: number): number {
  return first >= 0 && first <= maxPageSize ? first : maxPageSize;
}

/**
 * Estimates how many fields an operation resolves, multiplying through lists (a connection by
 * its `first`, a variable `first` by the largest page), and rejects it above `maxCost` before
 * any resolver runs.
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const fragmentCosts = new Map<string, number>();
    const costOf = (set: SelectionSetNode, type: GraphQLNamedType, pageSize: number, seen: Set<string>): number => {
      let total = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!(isObjectType(type) || isInterfaceType(type))) continue;
          const field = type.getFields()[selection.name.value];
          if (!field) continue;
          const firstArg = selection.arguments?.find((a) => a.name.value === "first");
          const childPage =
            firstArg === undefined
              ? field.args.some((a) => a.name === "first")
                ? 20
                : pageSize
              : firstArg.value.kind === Kind.INT
                ? pageSizeOf(Number(firstArg.value.value))
                : maxPageSize;
          const multiplier = isListType(getNullableType(field.type))
            ? selection.name.value === "nodes" || selection.name.value === "edges"
              ? pageSize
              : (listEstimates[selection.name.value] ?? defaultListEstimate)
            : 1;
          const below = selection.selectionSet
            ? costOf(selection.selectionSet, getNamedType(field.type), childPage, seen)
            : 0;
          total += 1 + multiplier * below;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          total += costOf(selection.selectionSet, on ?? type, pageSize, seen);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          // Memoised per fragment and page size: re-walking at every spread is exponential in nesting.
          const key = `${fragment.name.value}|${pageSize}`;
          let cost = fragmentCosts.get(key);
          if (cost === undefined) {
            const on = schema.getType(fragment.typeCondition.name.value) ?? type;
            cost = costOf(fragment.selectionSet, on, pageSize, new Set([...seen, fragment.name.value]));
            fragmentCosts.set(key, cost);
          }
          total += cost;
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const root = node.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
        if (!root) return;
        const cost = costOf(node.selectionSet, root, 20, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `The query would resolve about ${cost} fields; at most ${maxCost} are allowed. Ask for smaller pages or fewer nested lists.`,
              {
                nodes: node,
                extensions: { ...errorExtensions(sharedErrorCodes.costExceeded), cost, maxCost },
              },
            ),
          );
        }
      },
    };
  };
}
