# A server of the workshop's contract in grpcio, as the workshop's own: raw bytes through generic
# handlers (no generated code). Listen sends its response headers only with its first message,
# as grpcio does for a streaming response.
import queue, sys, threading
from concurrent import futures
import grpc

ADDED = b"\x10\x01"  # MessageResponse { code: ADDED }
listeners = []
lock = threading.Lock()

def add_user(request, context):
    return ADDED

def send_message(request, context):
    with lock:
        for q in listeners:
            q.put(request)  # the Message as sent: msg and user
    return b""  # MessageResponse { code: NONE }, as the workshop's server answers

def listen(request, context):
    q = queue.Queue()
    with lock:
        listeners.append(q)
    try:
        while context.is_active():
            try:
                yield q.get(timeout=0.2)
            except queue.Empty:
                pass
    finally:
        with lock:
            listeners.remove(q)

handlers = {
    "AddUser": grpc.unary_unary_rpc_method_handler(add_user),
    "SendMessage": grpc.unary_unary_rpc_method_handler(send_message),
    "Listen": grpc.unary_stream_rpc_method_handler(listen),
}
server = grpc.server(futures.ThreadPoolExecutor(max_workers=64))
server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("chat.Chat", handlers),))
port = server.add_insecure_port("127.0.0.1:0")
server.start()
print(f"listening on {port}", flush=True)
server.wait_for_termination()
