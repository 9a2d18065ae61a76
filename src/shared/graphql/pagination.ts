import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { AppError, sharedErrorCodes } from "../errors/app-error.js";

export const maxPageSize = 100;
export const defaultPageSize = 20;

export interface PageRequest {
  limit: number;
  offset: number;
}

/**
 * Cursors are opaque offsets into a stable ordering. Offsets keep cursors valid across every
 * filter combination; the lists here are small enough (thousands of rows) that OFFSET costs nothing.
 */
export function toPageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? defaultPageSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw new AppError(sharedErrorCodes.pageTooLarge, `first must be between 0 and ${maxPageSize}, got ${limit}`, {
      argument: "first",
    });
  }
  return { limit, offset: after == null ? 0 : decodeCursor(after) + 1 };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) {
    throw new AppError(sharedErrorCodes.badCursor, `"${cursor}" is not a cursor issued by this service`, {
      argument: "after",
    });
  }
  return Number(match[1]);
}

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of this page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` for the next page.",
  })
  endCursor!: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  request: PageRequest;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const { items, totalCount, request } = page;
  const edges = items.map((node, i) => ({ cursor: encodeCursor(request.offset + i), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage: request.offset + items.length < totalCount,
      hasPreviousPage: request.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, noun: string) {
  @ObjectType(`${nodeType.name}Edge`, { description: `One ${noun} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${noun}.` })
    node!: T;
  }

  // Abstract: each module names its connection (`@ObjectType("CouncilConnection")`) by subclassing.
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge], { description: `The ${noun}s of this page, with cursors.` })
    edges!: Edge[];

    @Field(() => [nodeType], { description: `The ${noun}s of this page, without cursors.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${noun}s match, across all pages.` })
    totalCount!: number;
  }
  return ConnectionType;
}
