#!/usr/bin/env bash
# Stops what up.sh started (idempotent): the processes recorded under .offstream/pids/, and the task
# processes the SCDF server launched (phase tasks, composed runners, dispatchers), which would
# otherwise go on polling a server that is gone. Other processes of the user's are not touched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Tasks first, while the database they record their end in (and Kafka, the registry) are still up;
# the server's session is noted now, as it is gone once the server stops.
server_sid=$(server_session)
stop_platform_tasks "$server_sid"
# Reverse start order: the services that use Kafka and SCDF's database go first.
consumers=$(for f in "$PID_DIR"/consumer*.pid; do if [[ -f "$f" ]]; then basename "$f" .pid; fi; done)
for name in region-registry $consumers realtime pricing-service dataflow; do
  stop_component "$name"
done
# a task a runner launched while the others stopped
stop_platform_tasks "$server_sid"
stop_component kafka
say "down"
