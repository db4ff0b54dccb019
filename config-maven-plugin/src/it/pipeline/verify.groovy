// Every step of testing/pipeline/expected.json, as the Maven goals reported it (one report directory per build:
// target/config-cicd/<tag>/): the risk level and the assessed paths (config-cicd-assess.json), the keys the deploy
// changed and its status (deploy.json), the monitor's outcome (monitor.json); "not run" means the build stopped before
// the goal wrote its report. Then what the stores hold at the end: Redis's hash and the file target. Stops the
// redis-server that setup.groovy started, whatever happens.
import groovy.json.JsonSlurper

def slurper = new JsonSlurper()
def pidFile = new File(basedir, 'redis.pid')
def port = new File(basedir, 'redis.url').text.tokenize(':').last()
try {
    def expected = slurper.parse(new File(pipelineFixture, 'expected.json'))
    def reports = new File(basedir, 'target/config-cicd')
    def log = new File(basedir, 'build.log').text

    assert slurper.parse(new File(reports, "${expected.deployed_first}/deploy.json")).status == 'applied'
    expected.steps.each { step ->
        def dir = new File(reports, step.tag)
        def assess = slurper.parse(new File(dir, 'config-cicd-assess.json'))
        assert assess.environment == expected.environment
        assert assess.risk_level == step.risk_level : "${step.tag}: risk"
        assert assess.changes*.path.unique().sort() == step.assessed_paths.sort() : "${step.tag}: assessed paths"
        assert log.contains("config-cicd assess: risk ${step.risk_level}, 1 environment (${expected.environment})")

        def deploy = new File(dir, 'deploy.json')
        if (step.deploy == 'not run') {
            assert !deploy.exists() : "${step.tag}: deployed past the risk gate"
        } else {
            def d = slurper.parse(deploy)
            assert d.status == step.deploy : "${step.tag}: deploy"
            assert d.deployment_id == step.tag
            assert d.targets*.changes.flatten()*.name.unique() == step.changed_keys : "${step.tag}: changed keys"
        }

        def monitor = new File(dir, 'monitor.json')
        if (step.monitor == 'not run') {
            assert !monitor.exists() : "${step.tag}: monitored past the risk gate"
        } else {
            def m = slurper.parse(monitor)
            assert m.status == step.monitor : "${step.tag}: monitor"
            assert m.deployment_id == step.tag
            assert m.healthy == (step.monitor == 'healthy')
        }
    }
    assert log =~ /\[WARNING\] round 2: FAILED \(2 of 2 in a row: probe smoke\)/
    assert log.contains('config-cicd monitor: deployment bad of production: failed, rolled back')
    assert log.contains('configuration change risk CRITICAL is at or above failOn critical')

    // the stores hold the expected commit's values: the rollback of bad put good back, critical never reached them
    def held = expected.stores[expected.steps.last().stores_hold]
    def file = slurper.parse(new File(basedir, "repo/${expected.stores.file}"))
    held.each { String path, String value ->
        def redis = ['redis-cli', '-p', port, 'HGET', expected.stores.redis_key, path].execute()
        assert redis.text.trim() == value : "redis ${expected.stores.redis_key} ${path}"
        assert redis.waitFor() == 0
        assert String.valueOf(path.tokenize('.').inject(file) { node, key -> node[key] }) == value : "file ${path}"
    }
} finally {
    if (pidFile.isFile()) {
        ['kill', pidFile.text.trim()].execute().waitFor()
    }
}
true
