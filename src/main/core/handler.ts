import type { Method, Output, ParsedInput } from '../../shared/contract';

export type Handler<M extends Method> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type HandlerMap<M extends Method> = { [K in M]: Handler<K> };
export type Handlers = HandlerMap<Method>;
