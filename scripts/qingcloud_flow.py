#!/usr/bin/env python3
"""The NIC flow against any QingCloud-compatible endpoint, using only calls from QingCloud's API docs.

    QY_ACCESS_KEY_ID=... QY_SECRET_ACCESS_KEY=... scripts/qingcloud_flow.py [--url URL] [--zone ZONE] [--keep]

Creates a VPC (router) and a VxNet, joins them with 172.16.50.0/24, launches a server into vxnet-0,
creates two NICs (one pinned to 172.16.50.100), attaches them, shows the server's NICs, then detaches
and deletes everything it made. With --keep it stops after the attach, so the result can be seen in the
console. Every asynchronous call is followed to its end through DescribeJobs, like the SDK's wait_job.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iaas  # noqa: E402


def main(argv):
    url, zone, keep = "http://localhost:5290/iaas/", "pek3a", "--keep" in argv
    if "--url" in argv:
        url = argv[argv.index("--url") + 1]
    if "--zone" in argv:
        zone = argv[argv.index("--zone") + 1]
    key_id, secret = os.environ["QY_ACCESS_KEY_ID"], os.environ["QY_SECRET_ACCESS_KEY"]

    def call(action, **params):
        reply = iaas.call(url, zone, action, params, key_id, secret)
        if reply.get("ret_code") != 0:
            sys.exit(f"{action} failed: {reply}")
        return reply

    def wait_job(reply, timeout=60):
        job_id = reply["job_id"]
        deadline = time.time() + timeout
        while time.time() < deadline:
            job = call("DescribeJobs", **{"jobs.1": job_id})["job_set"][0]
            if job["status"] not in ("pending", "working"):
                if job["status"] != "successful":
                    sys.exit(f"job {job_id} ended {job['status']}: {job['error_codes']}")
                return
            time.sleep(0.5)
        sys.exit(f"job {job_id} did not finish in {timeout}s")

    router_reply = call("CreateRouters", router_name="flow-vpc", vpc_network="172.16.0.0/16", count=1)
    router = router_reply["routers"][0]
    wait_job(router_reply)
    vxnet = call("CreateVxnets", vxnet_name="flow-vxnet", vxnet_type=1, count=1)["vxnets"][0]
    wait_job(call("JoinRouter", vxnet=vxnet, router=router, ip_network="172.16.50.0/24"))
    server_reply = call("RunInstances", instance_name="flow-host", image_id="centos7x64", login_mode="passwd",
                        login_passwd="Flow2026pass", count=1, **{"vxnets.1": "vxnet-0"})
    server = server_reply["instances"][0]
    wait_job(server_reply)
    nics = call("CreateNics", vxnet=vxnet, nic_name="flow-nic", count=1,
                **{"private_ips.1": "172.16.50.100", "private_ips.2": "172.16.50.101"})["nics"]
    nic_ids = [n["nic_id"] for n in nics]
    print("created", router, vxnet, server, *[f"{n['nic_id']}={n['private_ip']}" for n in nics])
    wait_job(call("AttachNics", instance=server, **{f"nics.{i + 1}": n for i, n in enumerate(nic_ids)}))
    for nic in call("DescribeNics", nic_name="", limit=20, offset=0, **{"instances.1": server})["nic_set"]:
        print(f"  eth{nic['sequence']} {nic['nic_id']} {nic['private_ip']} {nic['status']}")
    instance = call("DescribeInstances", **{"instances.1": server})["instance_set"][0]
    print("server", instance["instance_id"], instance["status"], [v["private_ip"] for v in instance["vxnets"]])
    if keep:
        return
    wait_job(call("DetachNics", **{f"nics.{i + 1}": n for i, n in enumerate(nic_ids)}))
    call("DeleteNics", **{f"nics.{i + 1}": n for i, n in enumerate(nic_ids)})
    wait_job(call("TerminateInstances", **{"instances.1": server}))
    wait_job(call("LeaveRouter", router=router, **{"vxnets.1": vxnet}))
    call("DeleteVxnets", **{"vxnets.1": vxnet})
    wait_job(call("DeleteRouters", **{"routers.1": router}))
    print("cleaned up")


if __name__ == "__main__":
    main(sys.argv[1:])
