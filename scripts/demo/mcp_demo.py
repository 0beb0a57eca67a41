#!/usr/bin/env python3
"""A short tour of the built MCP server against a local moto_server: what ./build.sh runs after building.

It starts moto_server on a free 127.0.0.1 port, starts `awsmcp serve` over stdio with dummy credentials pointing
the AWS CLI at moto, and speaks JSON-RPC to it the way an MCP client does: initialize, tools/list, suggest_commands,
describe_command, execute_command (create a bucket, list it), a typed tool, a refused command, and a resource.
Usage: scripts/demo/mcp_demo.py path/to/awsmcp.dll
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto():
    port = free_port()
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            return moto, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    moto.kill()
    sys.exit("moto_server did not start")


class Server:
    def __init__(self, dll, endpoint):
        env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="demo", AWS_SECRET_ACCESS_KEY="demo",
                   AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
                   AWS_MCP_SERVICES="s3api", AWS_MCP_AUDIT_LOG="off")
        self.process = subprocess.Popen(["dotnet", dll, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env, text=True)
        self.next_id = 0

    def request(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        while True:
            reply = json.loads(self.process.stdout.readline())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def notify(self, method):
        self.process.stdin.write(json.dumps({"jsonrpc": "2.0", "method": method}) + "\n")
        self.process.stdin.flush()

    def call(self, tool, **arguments):
        result = self.request("tools/call", {"name": tool, "arguments": arguments})
        text = "".join(block.get("text", "") for block in result["content"])
        return ("ERROR " if result.get("isError") else "") + text

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def show(title, text, lines=8):
    print(f"== {title}")
    for line in text.strip().splitlines()[:lines]:
        print("   " + line)


def main():
    dll = sys.argv[1]
    moto, endpoint = start_moto()
    try:
        server = Server(dll, endpoint)
        clock = time.perf_counter()
        info = server.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                             "clientInfo": {"name": "demo", "version": "1"}})
        server.notify("notifications/initialized")
        show("initialize", f"{info['serverInfo']['title']} {info['serverInfo']['version']} answered in "
                           f"{(time.perf_counter() - clock) * 1000:.0f} ms (moto at {endpoint})")
        tools = server.request("tools/list")["tools"]
        show("tools/list", f"{len(tools)} tools on the first page, e.g. " + ", ".join(t["name"] for t in tools[:6]))
        show("suggest_commands: 'make a new s3 bucket'", server.call("suggest_commands", query="make a new s3 bucket"), 3)
        show("describe_command s3 mb", server.call("describe_command", service="s3", command="mb"), 6)
        show("execute_command: aws s3 mb s3://demo-bucket", server.call("execute_command", command="aws s3 mb s3://demo-bucket"))
        show("typed tool s3api_list_buckets", server.call("s3api_list_buckets"))
        show("execute_command with a filter", server.call("execute_command", command="aws s3api list-buckets --query 'Buckets[].Name' --output text | tr '\\t' '\\n' | sort"))
        show("a refused command (nothing runs)", server.call("execute_command", command="aws s3 ls; rm -rf ~"))
        region = server.request("resources/read", {"uri": "aws://config/regions/us-east-1"})
        show("resource aws://config/regions/us-east-1", region["contents"][0]["text"], 6)
        server.close()
    finally:
        moto.kill()


if __name__ == "__main__":
    main()
