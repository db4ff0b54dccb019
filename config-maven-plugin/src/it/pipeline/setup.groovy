// Builds testing/pipeline's repository in repo/ with its make-repo.sh, starts a redis-server on a free loopback port
// (stopped by verify.groovy, or when this Maven JVM exits if verify never runs), and writes mvnw: the Maven every
// build of this project runs (invoker.mavenExecutable), with REDIS_URL pointing at that server.
// pipelineFixture (testing/pipeline of this repository) is a script variable of the plugin's invoker configuration.
def fixture = new File(pipelineFixture)
assert new File(fixture, 'make-repo.sh').isFile() : "no pipeline fixture at ${fixture}"

def run = { File dir, List<String> command ->
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
    output
}

// a re-run clones over the previous run: stop its server, start from an empty repository
def pidFile = new File(basedir, 'redis.pid')
if (pidFile.isFile()) {
    ['kill', pidFile.text.trim()].execute().waitFor()
}
new File(basedir, 'repo').deleteDir()
new File(basedir, 'redis').deleteDir()
run(basedir, ['sh', new File(fixture, 'make-repo.sh').absolutePath, new File(basedir, 'repo').absolutePath])

def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def data = new File(basedir, 'redis')
data.mkdirs()
run(data, ['redis-server', '--port', "${port}".toString(), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
           '--daemonize', 'yes', '--pidfile', pidFile.absolutePath, '--logfile', new File(data, 'redis.log').absolutePath])
def ready = false
for (int i = 0; i < 100 && !ready; i++) {
    def ping = ['redis-cli', '-p', "${port}".toString(), 'PING'].execute()
    ready = ping.text.trim() == 'PONG' && ping.waitFor() == 0 && pidFile.isFile()
    if (!ready) {
        Thread.sleep(50)
    }
}
assert ready : "redis-server did not answer on port ${port}"
def pid = pidFile.text.trim()
Runtime.runtime.addShutdownHook(new Thread({ ['kill', pid].execute().waitFor() }))   // verify.groovy stops it first

def redisUrl = "redis://127.0.0.1:${port}"
new File(basedir, 'redis.url').text = redisUrl
def mvnw = new File(basedir, 'mvnw')
mvnw.text = """#!/bin/sh
# written by setup.groovy: the Maven of this build, with the Redis that setup.groovy started
REDIS_URL='${redisUrl}'
export REDIS_URL
exec '${System.getProperty('maven.home')}/bin/mvn' "\$@"
"""
mvnw.setExecutable(true)
true
